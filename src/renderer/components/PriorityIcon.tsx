import type { PriorityReason } from '../../shared/domain';

/** Simple pictograms for the four priority groups (drawn here: no image files, no emoji fonts needed). */
export function PriorityIcon({ reason, className = '' }: { reason: PriorityReason; className?: string }) {
  const common = { fill: 'none', stroke: 'currentColor', strokeWidth: 3.4, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };
  return (
    <svg className={`prio-icon ${className}`} viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      {reason === 'elderly' && (
        <>
          <circle cx="21" cy="7.5" r="4.2" fill="currentColor" />
          <path {...common} d="M21 14 L17.5 27 M20 17.5 L29.5 23.5 M17.5 27 L13 44 M17.5 27 L23.5 44" />
          <path {...common} d="M29.5 23.5 Q29 19.5 32.5 20.5 M31.5 22 L33.5 44" />
        </>
      )}
      {reason === 'disability' && (
        <>
          <circle cx="19" cy="7" r="4.2" fill="currentColor" />
          <path {...common} d="M19 13.5 L19 27 L31 27 L35 39 L38.5 38 M19 19 L28 19" />
          <path {...common} d="M13.5 24.5 A10.5 10.5 0 1 0 29.5 36" />
        </>
      )}
      {reason === 'pregnant' && (
        <>
          <circle cx="22" cy="7" r="4.2" fill="currentColor" />
          <path
            fill="currentColor"
            d="M19.5 13.5 h5 c1.6 2.6 1.9 5 1.2 7.2 c5.4 1.7 7.1 6.6 5.6 10.2 c-0.9 2.1 -2.7 3.2 -5 3.6 l0.9 9.5 h-3.6 l-1.3 -9.3 l-1.4 9.3 h-3.6 l1.1 -10.2 c-1.7 -6.4 -1.2 -13.6 1.1 -20.3 z"
          />
        </>
      )}
      {reason === 'small_child' && (
        <>
          <circle cx="15" cy="7" r="4.2" fill="currentColor" />
          <path {...common} d="M15 13.5 L15 29 M15 29 L11 44 M15 29 L19 44 M15 17.5 L25.5 25.5" />
          <circle cx="33" cy="20.5" r="3.4" fill="currentColor" />
          <path {...common} d="M33 26 L33 35.5 M33 35.5 L30 44 M33 35.5 L36 44 M33 28.5 L25.5 25.5" />
        </>
      )}
    </svg>
  );
}
