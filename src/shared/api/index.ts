export * from './errors';
export * from './schemas';
export * from './events';
export const API_PREFIX = '/api/v1';
export * from './routes';
export * from './bridge';
export * from './catalogue';
export * from './calendar';
export * from './dossiers';
