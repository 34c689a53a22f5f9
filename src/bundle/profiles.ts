// Profiles named by the user or the manifest, matched to the catalog's spelling (case and accents
// aside). An unknown profile is exit 2: a typo would otherwise silently check nothing.
import { SegurError } from '../errors.js';
import { normaliseProfile, type Catalog } from '../catalog/schema.js';

export function catalogProfiles(catalog: Catalog): string[] {
  return [...new Set(catalog.requirements.flatMap((requirement) => requirement.profiles))];
}

export function matchProfiles(catalog: Catalog, wanted: readonly string[]): string[] {
  const available = catalogProfiles(catalog);
  return wanted.map((profile) => {
    const match = available.find((candidate) => normaliseProfile(candidate) === normaliseProfile(profile));
    if (!match) throw new SegurError('manifest/unknown-profile', { profile, catalog: catalog.id, available: available.join(', ') });
    return match;
  });
}

/** The manifest's `profile:` (one name or a list) as a list; empty when absent. */
export function profileList(profile: string | string[] | undefined): string[] {
  return profile === undefined ? [] : typeof profile === 'string' ? [profile] : profile;
}
