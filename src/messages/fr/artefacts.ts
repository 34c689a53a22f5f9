export const artefacts: Record<string, string> = {};
