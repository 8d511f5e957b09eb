import { mountScreen } from '../app/mount';
import AdminApp from '../admin/AdminApp';

mountScreen('admin', AdminApp);
