// The only code that acquires tokens for the server's API.
export { fetchAuthConfig } from './config';
export { createAuth, type Auth } from './session';
export { SignInError, type SignInProblem, type TokenAcquirer } from './tokens';
