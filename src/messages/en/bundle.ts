export const bundle: Record<string, string> = {};
