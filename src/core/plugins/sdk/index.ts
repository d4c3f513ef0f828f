/**
 * The public plugin SDK: the one entry a plugin may import from the hub. The SDK imports nothing
 * else from the project, so plugins cannot reach into core.
 */
export * from './errors';
export * from './manifest';
export * from './actions';
export * from './panel';
export * from './payment';
export * from './runtime';
export * from './classify';
export * from './wire';
export * from './secret-names';
export * from './semver';
export * from './xtream-player';
export * from './simulator-kit';
export * from './plugin-test-kit';
export * from './basic-http-client';
export * from './conformance';
export * from './xui-access-code';
export * from './payment-conformance';
export * from './session-auth';
export * from './read-cache';
export * from './timeout-signal';
