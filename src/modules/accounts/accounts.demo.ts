/** The password of every demonstration account; shown on /demo, which exists only in demo mode. */
export const demoPassword = 'relais-demo-2026';
