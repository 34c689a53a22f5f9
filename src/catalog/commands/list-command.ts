// `segur catalog list`: catalogs in ./rem-catalogs/ and those shipped with segur, with their counts.
import { formatMessage, type Lang } from '../../messages/index.js';
import { listCatalogs } from '../store.js';
import { catalogCounts } from '../counts.js';

export async function runCatalogList(lang: Lang): Promise<string> {
  const listings = await listCatalogs();
  if (listings.length === 0) return `${formatMessage('catalog/list-empty', {}, { lang })}\n`;
  const lines = listings.map((listing) => {
    if (!listing.catalog) {
      const problem = listing.problem ? formatMessage(listing.problem.code, listing.problem.args, { lang }) : '';
      return formatMessage('catalog/list-problem', { id: listing.id, problem }, { lang });
    }
    const origin = formatMessage(`catalog/list-origin-${listing.origin}`, {}, { lang });
    return formatMessage('catalog/list-line', { id: listing.id, title: listing.catalog.title, origin, ...catalogCounts(listing.catalog.requirements) }, { lang });
  });
  return `${lines.join('\n')}\n`;
}
