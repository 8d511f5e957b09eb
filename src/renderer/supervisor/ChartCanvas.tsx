import { useEffect, useRef } from 'react';
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';

// Only the pieces the dashboard draws, bundled by Vite: nothing is fetched at run time (strict CSP).
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = "'Be Vietnam Pro', system-ui, sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = '#1b2130';

export const CHART_COLOURS = { navy: '#17294a', red: '#a8191f', gold: '#e3ad3b', green: '#1d7148', grey: '#9aa1ad', amber: '#9a5a00' };

/**
 * One chart.js chart on a canvas. The canvas carries a text alternative
 * (`label`, plus the table the dashboard shows beside every chart), since a
 * canvas says nothing to a screen reader.
 */
export function ChartCanvas({ config, label, height = 280 }: { config: ChartConfiguration; label: string; height?: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, { ...config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...config.options } });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // Rebuilt when the data changes: cheap for a handful of bars, and never stale.
  }, [config]);
  return (
    <div className="chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
