import { mountScreen } from '../app/mount';
import { Launcher } from '../launcher/Launcher';

// `/`: the launcher page. Each role has its own page (kiosk.html, …) and entry here.
mountScreen('launcher', Launcher);
