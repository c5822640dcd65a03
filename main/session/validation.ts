// What the lock layer checks each session request with, in one module the lock loads on its first call
// (main/session/lockable.ts): the schema library stays off the start's path to the ready line.
export { describeIssue } from '../ipc/validation.ts';
export { sessionSchemas } from './schemas.ts';
