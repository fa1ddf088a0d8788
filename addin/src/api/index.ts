// The typed client of the Seriatim server; every response is parsed with the shared zod schemas.
export { ApiError, apiUrl, claimsChallenge, configureApi, request, requestJson, type TokenSource } from './http';
export * from './resources';
export * from './sources';
export * from './schedules';
export * from './templates';
export * from './background-grant';
export * from './suppression';
export * from './downloads';
export * from './files';
export { parseEventBlock, progressOf, watchRun } from './events';
