import { mountScreen } from '../app/mount';
import RatingApp from '../rating/RatingApp';

mountScreen('rate', RatingApp);
