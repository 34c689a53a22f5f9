export const report: Record<string, string> = {};
