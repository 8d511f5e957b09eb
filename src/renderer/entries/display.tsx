import { mountScreen } from '../app/mount';
import DisplayApp from '../display/DisplayApp';

mountScreen('display', DisplayApp);
