import './teams.policy.ts';

export { teamRoutes } from './teams.routes.tsx';
export { listTeams, findTeam, teamMembersOn, teamMembershipPeriods, teamsOfUser, helpersToChoose, type Team } from './teams.queries.ts';
export { createTeam, addTeamMember, endTeamMembership } from './teams.commands.ts';
export { seedTeamsDemo } from './teams.demo.ts';
