// Request and response schemas of the HTTP API: the server validates with them, the add-in parses
// with them. Nothing here may import from addin/ or server/.
export * from './audience';
export * from './auth-config';
export * from './background-grant';
export * from './downloads';
export * from './errors';
export * from './history';
export * from './lists';
export * from './mailbox';
export * from './preview';
export * from './runs';
export * from './schedules';
export * from './session';
export * from './sources';
export * from './templates';
