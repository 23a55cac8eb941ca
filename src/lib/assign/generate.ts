/**
 * Seeded CRM account exports for tests and measurements: the columns of the sample mapping
 * (content/workbench.yaml), realistic mixes of size, country, ownership and systems, and — with
 * `messy` — the cells real exports contain: padding, odd case, thousands commas, "n/a", unknown
 * countries, blank ids. The same seed gives the same file on every machine.
 */
import { formatInteger } from '../compose/format.ts';
import { csvRow } from '../csv.ts';
import { mulberry32, type Random } from '../report/random.ts';

export const GENERATED_COLUMNS = [
  'Account ID',
  'Account Name',
  'Industry',
  'Employees',
  'Annual Revenue',
  'Currency',
  'Billing Country',
  'Ownership',
  'Procurement Systems',
  'Account Tier',
  'Buying Focus',
  'Procurement Maturity',
] as const;

export interface GenerateOptions {
  seed: number;
  rows: number;
  /** Add the irregular cells of real exports (default false). */
  messy?: boolean;
  /** First number for the account ids (default 1), so several files can have distinct ids. */
  firstId?: number;
}

interface Country {
  names: string[];
  currency: string;
  suffixes: string[];
  weight: number;
}

const COUNTRIES: Country[] = [
  { names: ['US', 'USA', 'United States'], currency: 'USD', suffixes: ['Inc.', 'Corp.', 'LLC', 'Co.'], weight: 34 },
  { names: ['CA', 'Canada'], currency: 'CAD', suffixes: ['Inc.', 'Ltd.'], weight: 5 },
  { names: ['GB', 'UK', 'United Kingdom', 'England'], currency: 'GBP', suffixes: ['Ltd', 'plc', 'Group'], weight: 12 },
  { names: ['DE', 'Germany'], currency: 'EUR', suffixes: ['GmbH', 'AG', 'SE'], weight: 9 },
  { names: ['FR', 'France'], currency: 'EUR', suffixes: ['SA', 'SAS'], weight: 5 },
  { names: ['NL', 'Netherlands'], currency: 'EUR', suffixes: ['B.V.', 'N.V.'], weight: 4 },
  { names: ['SE', 'Sweden'], currency: 'SEK', suffixes: ['AB'], weight: 2 },
  { names: ['IT', 'Italy'], currency: 'EUR', suffixes: ['S.p.A.', 'S.r.l.'], weight: 3 },
  { names: ['ES', 'Spain'], currency: 'EUR', suffixes: ['S.A.', 'S.L.'], weight: 3 },
  { names: ['PL', 'Poland'], currency: 'PLN', suffixes: ['S.A.', 'Sp. z o.o.'], weight: 2 },
  { names: ['IE', 'Ireland'], currency: 'EUR', suffixes: ['Ltd', 'DAC'], weight: 2 },
  { names: ['AT', 'Austria'], currency: 'EUR', suffixes: ['GmbH', 'AG'], weight: 1 },
  { names: ['BE', 'Belgium'], currency: 'EUR', suffixes: ['NV', 'SA'], weight: 1 },
  { names: ['DK', 'Denmark'], currency: 'DKK', suffixes: ['A/S'], weight: 1 },
  { names: ['FI', 'Finland'], currency: 'EUR', suffixes: ['Oy', 'Oyj'], weight: 1 },
  { names: ['CH', 'Switzerland'], currency: 'CHF', suffixes: ['AG', 'SA'], weight: 2 },
  { names: ['NO', 'Norway'], currency: 'NOK', suffixes: ['AS', 'ASA'], weight: 1 },
  { names: ['MX', 'Mexico'], currency: 'MXN', suffixes: ['S.A. de C.V.'], weight: 1 },
  { names: ['JP', 'Japan'], currency: 'JPY', suffixes: ['K.K.'], weight: 1 },
  { names: ['AU', 'Australia'], currency: 'AUD', suffixes: ['Pty Ltd'], weight: 1 },
  { names: ['SG', 'Singapore'], currency: 'SGD', suffixes: ['Pte. Ltd.'], weight: 1 },
  { names: ['IN', 'India'], currency: 'INR', suffixes: ['Pvt. Ltd.', 'Ltd.'], weight: 2 },
  { names: ['BR', 'Brazil'], currency: 'BRL', suffixes: ['S.A.', 'Ltda.'], weight: 1 },
];

/** Revenue in local currency per USD, roughly: the generator only needs plausible figures. */
const PER_USD: Record<string, number> = { USD: 1, CAD: 1.37, GBP: 0.79, EUR: 0.93, SEK: 10.5, PLN: 4, DKK: 6.9, CHF: 0.88, NOK: 10.8, MXN: 17, JPY: 150, AUD: 1.52, SGD: 1.34, INR: 83, BRL: 5 };

const INDUSTRIES = ['Manufacturing', 'Retail', 'Logistics', 'Healthcare', 'Financial Services', 'Technology', 'Energy', 'Food & Beverage', 'Chemicals', 'Automotive', 'Construction', 'Public Administration', 'Education'];
const NAME_STEMS = ['Harbor', 'Northgate', 'Bluewater', 'Summit', 'Ironwood', 'Cedar', 'Lakeshore', 'Granite', 'Brightline', 'Meridian', 'Redwood', 'Silverline', 'Oakfield', 'Westbrook', 'Kestrel', 'Alder', 'Fairmont', 'Larkspur', 'Halden', 'Sterling', 'Marlow', 'Corvid', 'Beacon', 'Tidewater', 'Ashford', 'Lindqvist', 'Moreau', 'Vogel', 'Bianchi', 'Navarro'];
const NAME_TRADES: Record<string, string[]> = {
  Manufacturing: ['Industries', 'Components', 'Precision', 'Fabrication'],
  Retail: ['Retail Group', 'Stores', 'Outfitters'],
  Logistics: ['Logistics', 'Freight', 'Distribution'],
  Healthcare: ['Health', 'Medical', 'Care Partners'],
  'Financial Services': ['Financial', 'Capital', 'Insurance'],
  Technology: ['Systems', 'Software', 'Networks'],
  Energy: ['Energy', 'Power', 'Renewables'],
  'Food & Beverage': ['Foods', 'Brewing', 'Dairy'],
  Chemicals: ['Chemicals', 'Materials', 'Coatings'],
  Automotive: ['Automotive', 'Motors', 'Parts'],
  Construction: ['Construction', 'Builders', 'Infrastructure'],
  'Public Administration': ['County', 'Transit Authority', 'Water Board'],
  Education: ['University', 'College', 'Learning Trust'],
};
const OWNERSHIP = [
  { words: ['Public', 'Publicly traded', 'Listed'], weight: 24 },
  { words: ['Private', 'Privately held'], weight: 38 },
  { words: ['PE-backed', 'Private equity'], weight: 12 },
  { words: ['Family-owned'], weight: 10 },
  { words: ['Subsidiary'], weight: 9 },
  { words: ['Government', 'Public sector'], weight: 4 },
  { words: ['Non-profit'], weight: 3 },
];
const ERPS = ['SAP S/4HANA', 'SAP ECC', 'Oracle ERP Cloud', 'Oracle E-Business Suite', 'Microsoft Dynamics 365', 'NetSuite', 'Infor CloudSuite', 'Sage Intacct'];
const SUITES = ['SAP Ariba', 'Coupa', 'Jaggaer', 'Ivalua', 'GEP SMART'];
const POINT_TOOLS = ['Tradeshift', 'Basware', 'EcoVadis', 'Tipalti', 'DocuSign CLM'];
const NEEDS = ['Price', 'Quality', 'Service', 'Partnership'];

/** The header and then `rows` accounts, as CSV lines (RFC 4180, CRLF). */
export function* generateAccountCsv(options: GenerateOptions): Generator<string> {
  yield csvRow(GENERATED_COLUMNS);
  for (const row of generateAccountRows(options)) yield csvRow(row);
}

export function* generateAccountRows({ seed, rows, messy = false, firstId = 1 }: GenerateOptions): Generator<string[]> {
  const rng = mulberry32(seed);
  const countryWeights = COUNTRIES.map((c) => c.weight);
  for (let i = 0; i < rows; i++) {
    const country = rng.weighted(COUNTRIES, countryWeights);
    const band = rng.weighted(
      [
        [20, 199],
        [200, 999],
        [1000, 4999],
        [5000, 60000],
      ] as const,
      [10, 40, 30, 20],
    );
    const employees = Math.round(band[0] * (band[1] / band[0]) ** rng.next());
    const ownership = rng.weighted(OWNERSHIP, OWNERSHIP.map((o) => o.weight));
    const government = ownership.words[0] === 'Government';
    const industry = government ? 'Public Administration' : rng.pick(INDUSTRIES.slice(0, -2));
    const revenueUsd = employees * rng.between(120, 420) * 1000;
    const revenue = Math.round((revenueUsd * (PER_USD[country.currency] ?? 1)) / 1000) * 1000;
    const large = employees >= 5000;
    const mid = employees >= 1000;
    const sophistication = rng.weighted(
      ['Spreadsheets & email', 'ERP modules', 'Point solutions', 'Competitor suite', 'Modern suite'],
      large ? [2, 20, 18, 50, 10] : mid ? [10, 40, 25, 20, 5] : [62, 20, 13, 3, 2],
    );
    const systems: string[] = [];
    if (sophistication !== 'Spreadsheets & email' || rng.chance(0.3)) systems.push(rng.pick(ERPS));
    if (sophistication === 'Competitor suite' || sophistication === 'Modern suite') systems.push(rng.pick(SUITES));
    if (sophistication === 'Point solutions' || rng.chance(0.15)) systems.push(rng.pick(POINT_TOOLS));
    const tier = large ? rng.weighted(['Tier 1', 'Tier 2'], [85, 15]) : mid ? rng.weighted(['Tier 1', 'Tier 2', 'Tier 3'], [10, 75, 15]) : rng.weighted(['Tier 2', 'Tier 3'], [20, 80]);
    // Teams still on spreadsheets want hands-on help; large suite users want a partner.
    const needs = rng.weighted(NEEDS, sophistication === 'Spreadsheets & email' ? [20, 10, 55, 15] : large && sophistication === 'Competitor suite' ? [5, 15, 20, 60] : [25, 25, 30, 20]);
    const stem = rng.pick(NAME_STEMS);
    const name = government ? `${stem} ${rng.pick(NAME_TRADES['Public Administration']!)}` : `${stem} ${rng.pick(NAME_TRADES[industry] ?? ['Group'])} ${rng.pick(country.suffixes)}`;

    const row = [
      `001${(firstId + i).toString(36).toUpperCase().padStart(9, '0')}`,
      name,
      industry,
      String(employees),
      rng.chance(0.2) ? '' : String(revenue),
      country.currency,
      rng.pick(country.names),
      rng.chance(0.06) ? '' : rng.pick(ownership.words),
      systems.join('; '),
      rng.chance(0.05) ? '' : tier,
      rng.chance(0.1) ? '' : needs,
      rng.chance(0.05) ? '' : sophistication,
    ];
    yield messy ? mess(row, rng) : row;
  }
}

/** The irregularities of real exports, applied to some cells of a row. */
function mess(row: string[], rng: Random): string[] {
  const out = row.map((cell) => {
    if (cell === '' || !rng.chance(0.08)) return cell;
    return rng.pick([` ${cell}`, `${cell}  `, cell.toUpperCase(), cell.toLowerCase()]);
  });
  const set = (index: number, value: string) => (out[index] = value);
  if (rng.chance(0.004)) set(0, rng.pick(['', '  ']));
  if (rng.chance(0.1)) set(3, formatInteger(Number(row[3])));
  if (rng.chance(0.03)) set(3, rng.pick(['n/a', '1.2k', '~500', 'unknown', '-', '1 200', '12.5', '']));
  if (rng.chance(0.1) && row[4]) set(4, formatInteger(Number(row[4])));
  if (rng.chance(0.03)) set(4, rng.pick(['n/a', '$5M', '3.5e6', '']));
  if (rng.chance(0.05)) set(5, rng.pick(['', 'usd', 'US$', 'eur ', 'CHF', 'XYZ']));
  if (rng.chance(0.03)) set(6, rng.pick(['Atlantis', 'Untied States', 'N/A', '', 'Deutschland', 'united kingdom']));
  if (rng.chance(0.03)) set(7, rng.pick(['Co-op', 'Mutual', 'public', 'GOVERNMENT', 'private equity']));
  if (rng.chance(0.1)) set(8, rng.pick(['', ' ;', 'SAP S/4HANA;Coupa', 'coupa ;  sap s/4hana ', '\tSAP S/4HANA\t', 'Coupa\t;SAP Ariba', 'Excel', 'SAP S/4HANA; ; Coupa', 'Oracle ERP Cloud;sap ariba;']));
  if (rng.chance(0.03)) set(9, rng.pick(['1', '2', '3', 'Strategic', 'Tier 4', 'tier 1']));
  if (rng.chance(0.03)) set(10, rng.pick(['price', 'PARTNERSHIP', 'Value', 'Partner']));
  if (rng.chance(0.03)) set(11, rng.pick(['manual', 'ERP', 'competitor-suite', 'Spreadsheets']));
  return out;
}
