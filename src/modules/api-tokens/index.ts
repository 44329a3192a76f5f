import './api-tokens.policy.ts';

export { actorFromApiToken, apiScopeLabels, apiScopes, createApiToken, revokeApiToken, type ApiScope } from './api-tokens.commands.ts';
export { findApiToken, listApiTokens, apiTokenStatus, type ApiTokenRow, type ApiTokenStatus } from './api-tokens.queries.ts';
export { apiTokenRoutes } from './api-tokens.routes.tsx';
