import { mountScreen } from '../app/mount';
import KioskApp from '../kiosk/KioskApp';

mountScreen('kiosk', KioskApp);
