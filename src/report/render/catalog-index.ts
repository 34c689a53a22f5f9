// Catalog texts of a reported requirement (chapter, function, statement, scenarios), by ID.
import type { Requirement } from '../../catalog/schema.js';
import type { ReportContext, RequirementResult } from '../model.js';

export type RequirementText = Pick<Requirement, 'id' | 'chapter' | 'function' | 'statement' | 'scenarios'> & Partial<Requirement>;

export function requirementTexts(context: ReportContext): (result: RequirementResult) => RequirementText {
  const byId = new Map(context.catalog.requirements.map((requirement) => [requirement.id, requirement]));
  return (result) => byId.get(result.id) ?? { id: result.id, chapter: '', function: '', statement: '', scenarios: [] };
}
