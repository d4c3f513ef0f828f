/**
 * The public plugin SDK: the one entry a plugin may import from the hub. The SDK imports nothing
 * else from the project, so plugins cannot reach into core.
 */
export * from './errors';
export * from './manifest';
export * from './panel';
export * from './runtime';
