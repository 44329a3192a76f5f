import './api-tokens.policy.ts';

export { actorFromApiToken, apiScopes, createApiToken, revokeApiToken, type ApiScope } from './api-tokens.commands.ts';
