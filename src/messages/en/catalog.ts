export const catalog: Record<string, string> = {};
