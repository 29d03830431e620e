/**
 * The copy-and-paste examples on the API page (/api/), made from the dataset registry and the
 * API's own constants, so they name datasets, filters and values that exist and stay true when
 * a dataset is added or a filter changes. A browser test runs every address they ask.
 */
import type { AnyOpenDataset } from './dataset.ts';
import { API_BASE_PATH } from './api-shapes.ts';
import { MAX_LIMIT } from './api-pages.ts';

export interface ApiExample {
  /** Anchor on the page. */
  id: string;
  title: string;
  /** One or two sentences on what it shows; `…` marks code. */
  explanation: string;
  /** The command (shell or JavaScript), ready to paste. */
  code: string;
  language: 'shell' | 'javascript';
}

/** A filter to show: the one with the fewest values (status, kind) reads most plainly; its first value. */
function sampleFilter(dataset: AnyOpenDataset): { name: string; value: string; label: string } | undefined {
  const candidates = dataset.filterParameters
    .map((parameter) => ({ parameter, values: parameter.values() }))
    .filter(({ values }) => values.length > 0)
    .sort((a, b) => a.values.length - b.values.length);
  const chosen = candidates[0];
  return chosen ? { name: chosen.parameter.name, value: chosen.values[0]!.id, label: chosen.values[0]!.label } : undefined;
}

/** A dataset's own example: its first two rows, through one of its filters where it has one. */
export function datasetExample(origin: string, dataset: AnyOpenDataset): ApiExample {
  const base = new URL(API_BASE_PATH, origin).href;
  const filter = sampleFilter(dataset);
  const query = new URLSearchParams(filter ? { [filter.name]: filter.value, limit: '2' } : { limit: '2' });
  return {
    id: `voorbeeld-${dataset.name}`,
    title: `Voorbeeld: ${dataset.title.toLowerCase()}`,
    explanation: filter
      ? `De eerste twee met het filter \`${filter.name}=${filter.value}\` (${filter.label}), zoals op ${dataset.listPath}.`
      : 'De eerste twee rijen.',
    code: `curl -s '${base}/${dataset.name}?${query}'`,
    language: 'shell',
  };
}

/** The examples that hold for every dataset, shown with the first one. */
export function apiExamples(origin: string, datasets: readonly AnyOpenDataset[]): ApiExample[] {
  const base = new URL(API_BASE_PATH, origin).href;
  const first = datasets[0];
  const examples: ApiExample[] = [
    { id: 'voorbeeld-ingang', title: 'Welke datasets er zijn', explanation: 'De ingang noemt elke dataset met zijn adres.', code: `curl -s '${base}'`, language: 'shell' },
  ];
  if (!first) return examples;
  const list = `${base}/${first.name}`;
  examples.push(
    {
      id: 'voorbeeld-item',
      title: 'Eén item',
      explanation: 'Elk item noemt zijn eigen adres in `_links.self.href`. Hier met `jq`: het eerste item van de lijst, en dan dat item zelf.',
      code: `curl -s "$(curl -s '${list}?limit=1' | jq -r '.items[0]._links.self.href')"`,
      language: 'shell',
    },
    {
      id: 'voorbeeld-bladeren',
      title: 'Alle rijen, pagina voor pagina',
      explanation: `Volg \`_links.next.href\` tot hij ontbreekt. Met \`limit=${MAX_LIMIT}\` zijn het de minste verzoeken.`,
      code: [
        `url='${list}?limit=${MAX_LIMIT}'`,
        'while [ -n "$url" ]; do',
        '  pagina=$(curl -sf "$url") || break',
        `  echo "$pagina" | jq -c '.items[]'`,
        `  url=$(echo "$pagina" | jq -r '._links.next.href // empty')`,
        'done',
      ].join('\n'),
      language: 'shell',
    },
    {
      id: 'voorbeeld-etag',
      title: 'Alleen ophalen wat veranderd is',
      explanation: 'Bewaar de `ETag` en stuur hem de volgende keer mee in `If-None-Match`: is er niets veranderd, dan krijgt u `304` zonder inhoud.',
      code: [
        `etag=$(curl -sI '${list}' | tr -d '\\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')`,
        `curl -s -o /dev/null -w '%{http_code}\\n' -H "If-None-Match: $etag" '${list}'`,
      ].join('\n'),
      language: 'shell',
    },
    {
      id: 'voorbeeld-javascript',
      title: 'Vanuit een webpagina (JavaScript)',
      explanation: 'Elke website mag de API lezen; er zijn geen sleutel en geen cookies nodig.',
      code: [
        `const antwoord = await fetch('${list}?limit=5');`,
        'if (!antwoord.ok) throw new Error((await antwoord.json()).detail);',
        'const { items, _links } = await antwoord.json();',
      ].join('\n'),
      language: 'javascript',
    },
  );
  return examples;
}

/** A filter given twice, to show that values of one filter widen the result: the first dataset with a filter of two or more values. */
export function repeatedFilterExample(datasets: readonly AnyOpenDataset[]): string | undefined {
  for (const dataset of datasets) {
    for (const parameter of dataset.filterParameters) {
      const values = parameter.values();
      if (parameter.repeatable && values.length >= 2) {
        return `${API_BASE_PATH}/${dataset.name}?${new URLSearchParams([[parameter.name, values[0]!.id], [parameter.name, values[1]!.id]])}`;
      }
    }
  }
  return undefined;
}
