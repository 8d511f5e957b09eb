import { mountScreen } from '../app/mount';
import CounterApp from '../counter/CounterApp';

mountScreen('counter', CounterApp);
