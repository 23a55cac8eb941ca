/**
 * Word lists for the synthetic benchmark content (scripts/bench/generate.ts). Everything here is
 * fictional: company names, regulation names and authorities are made up so that no page can be
 * mistaken for real advice. The copy deliberately carries no digits, no compliance promises and no
 * pressure wording, so that the content check passes with zero errors.
 */

export interface PersonaSpec {
  slug: string;
  name: string;
  shortName: string;
  buyerRole: 'economic' | 'technical' | 'user';
  titles: string[];
  focus: string;
}

export interface VerticalSpec {
  id: string;
  name: string;
  short: string;
  /** What the accounts do, as CRM industries (disjoint across verticals, so segments of two verticals never overlap). */
  industries: string[];
  /** What the work is about: shipments, production lines, patient visits. */
  asset: string;
  /** The records that matter. */
  record: string;
  personas: PersonaSpec[];
  /** Eight pain topics: a short title each. */
  pains: string[];
  /** Four vertical-specific regulation stems. */
  regulations: string[];
  events: string[];
  publications: string[];
  marketplaces: string[];
}

export const VERTICALS: VerticalSpec[] = [
  {
    id: 'freight-logistics',
    name: 'Freight & logistics operations',
    short: 'freight',
    industries: ['Freight forwarding', 'Third-party logistics', 'Road haulage'],
    asset: 'shipments',
    record: 'proof-of-delivery records',
    personas: [
      { slug: 'coo', name: 'Chief Operating Officer', shortName: 'COO', buyerRole: 'economic', titles: ['Chief Operating Officer', 'VP Operations'], focus: 'margin per lane' },
      { slug: 'transport-manager', name: 'Transport Manager', shortName: 'Transport manager', buyerRole: 'user', titles: ['Transport Manager', 'Fleet Planner'], focus: 'on-time pickups' },
      { slug: 'warehouse-lead', name: 'Warehouse Operations Lead', shortName: 'Warehouse lead', buyerRole: 'user', titles: ['Warehouse Manager', 'Site Lead'], focus: 'dock turnaround' },
      { slug: 'it-director', name: 'IT Director', shortName: 'IT director', buyerRole: 'technical', titles: ['IT Director', 'Head of Systems'], focus: 'clean integrations' },
      { slug: 'finance-director', name: 'Finance Director', shortName: 'Finance director', buyerRole: 'economic', titles: ['Finance Director', 'CFO'], focus: 'cash tied up in disputes' },
      { slug: 'quality-manager', name: 'Quality & Safety Manager', shortName: 'Quality manager', buyerRole: 'technical', titles: ['HSEQ Manager', 'Quality Manager'], focus: 'audit findings' },
    ],
    pains: ['Late proof of delivery', 'Disputed freight invoices', 'Empty return legs', 'Manual customs paperwork', 'Driver hours tracked on paper', 'Carrier data in spreadsheets', 'Dock congestion at peak', 'Claims without evidence'],
    regulations: ['Cargo Custody Records', 'Road Transport Working Time', 'Dangerous Goods Carriage', 'Customs Declarant Duties'],
    events: ['Freight Operations Summit', 'Logistics Leaders Forum'],
    publications: ['Haulage Weekly', 'Supply Lines Review'],
    marketplaces: ['Carrier App Exchange'],
  },
  {
    id: 'discrete-manufacturing',
    name: 'Discrete manufacturing quality',
    short: 'manufacturing',
    industries: ['Industrial machinery', 'Automotive components', 'Electrical equipment'],
    asset: 'production lines',
    record: 'batch and inspection records',
    personas: [
      { slug: 'plant-manager', name: 'Plant Manager', shortName: 'Plant manager', buyerRole: 'economic', titles: ['Plant Manager', 'Site Director'], focus: 'yield and uptime' },
      { slug: 'quality-director', name: 'Quality Director', shortName: 'Quality director', buyerRole: 'economic', titles: ['Quality Director', 'VP Quality'], focus: 'customer complaints' },
      { slug: 'process-engineer', name: 'Process Engineer', shortName: 'Process engineer', buyerRole: 'user', titles: ['Process Engineer', 'Manufacturing Engineer'], focus: 'repeatable set-ups' },
      { slug: 'ot-architect', name: 'OT Architect', shortName: 'OT architect', buyerRole: 'technical', titles: ['OT Architect', 'Automation Lead'], focus: 'safe machine connectivity' },
      { slug: 'supplier-quality', name: 'Supplier Quality Engineer', shortName: 'Supplier quality', buyerRole: 'user', titles: ['Supplier Quality Engineer'], focus: 'incoming inspection' },
      { slug: 'ehs-lead', name: 'EHS Lead', shortName: 'EHS lead', buyerRole: 'technical', titles: ['EHS Manager', 'Safety Lead'], focus: 'incident follow-up' },
    ],
    pains: ['Inspection results on clipboards', 'Scrap found too late', 'Set-up sheets out of date', 'Supplier defects slip through', 'Corrective actions never closed', 'Machine data locked in silos', 'Customer audits take weeks', 'Traceability gaps after recalls'],
    regulations: ['Machinery Safety Files', 'Product Traceability', 'Workplace Exposure Limits', 'Pressure Equipment Conformity'],
    events: ['Smart Factory Expo', 'Quality Leaders Week'],
    publications: ['Plant Engineering Review', 'Quality Digest Europe'],
    marketplaces: ['Industrial Apps Marketplace'],
  },
  {
    id: 'outpatient-care',
    name: 'Outpatient clinic networks',
    short: 'clinic',
    industries: ['Outpatient clinics', 'Diagnostic imaging centres', 'Physiotherapy networks'],
    asset: 'patient visits',
    record: 'consent and referral records',
    personas: [
      { slug: 'clinic-ceo', name: 'Chief Executive of a clinic group', shortName: 'Clinic CEO', buyerRole: 'economic', titles: ['Chief Executive', 'Managing Director'], focus: 'growth without new sites' },
      { slug: 'practice-manager', name: 'Practice Manager', shortName: 'Practice manager', buyerRole: 'user', titles: ['Practice Manager', 'Clinic Manager'], focus: 'full schedules' },
      { slug: 'clinical-lead', name: 'Clinical Governance Lead', shortName: 'Clinical lead', buyerRole: 'technical', titles: ['Clinical Governance Lead', 'Medical Director'], focus: 'safe handovers' },
      { slug: 'revenue-manager', name: 'Revenue Cycle Manager', shortName: 'Revenue manager', buyerRole: 'user', titles: ['Revenue Cycle Manager', 'Billing Lead'], focus: 'clean claims' },
      { slug: 'health-it-lead', name: 'Health IT Lead', shortName: 'Health IT lead', buyerRole: 'technical', titles: ['Head of IT', 'Health Informatics Lead'], focus: 'record interoperability' },
      { slug: 'privacy-officer', name: 'Data Protection Officer', shortName: 'DPO', buyerRole: 'technical', titles: ['Data Protection Officer', 'Privacy Lead'], focus: 'access to patient data' },
    ],
    pains: ['No-shows leave gaps in the diary', 'Referral letters lost in inboxes', 'Claims rejected for missing codes', 'Consent forms on paper', 'Waiting lists kept in spreadsheets', 'Staff rotas built by hand', 'Patient messages in five channels', 'Audit trails hard to produce'],
    regulations: ['Patient Records Retention', 'Health Data Access', 'Clinical Incident Reporting', 'Medical Device Software'],
    events: ['Outpatient Care Congress', 'Health Operations Forum'],
    publications: ['Clinic Management Today', 'Health Systems Review'],
    marketplaces: ['Health App Directory'],
  },
  {
    id: 'construction-controls',
    name: 'Construction project controls',
    short: 'construction',
    industries: ['General contracting', 'Civil engineering', 'Specialist subcontracting'],
    asset: 'projects',
    record: 'site diaries and change orders',
    personas: [
      { slug: 'operations-director', name: 'Operations Director', shortName: 'Ops director', buyerRole: 'economic', titles: ['Operations Director', 'Managing Director'], focus: 'margin fade' },
      { slug: 'project-manager', name: 'Project Manager', shortName: 'Project manager', buyerRole: 'user', titles: ['Project Manager', 'Site Manager'], focus: 'programme dates' },
      { slug: 'commercial-manager', name: 'Commercial Manager', shortName: 'Commercial manager', buyerRole: 'economic', titles: ['Commercial Manager', 'Quantity Surveyor'], focus: 'recovered variations' },
      { slug: 'hse-manager', name: 'Health & Safety Manager', shortName: 'H&S manager', buyerRole: 'technical', titles: ['HSE Manager'], focus: 'permits and inductions' },
      { slug: 'digital-lead', name: 'Digital Construction Lead', shortName: 'Digital lead', buyerRole: 'technical', titles: ['BIM Manager', 'Digital Lead'], focus: 'one source of drawings' },
      { slug: 'site-engineer', name: 'Site Engineer', shortName: 'Site engineer', buyerRole: 'user', titles: ['Site Engineer'], focus: 'clear daily plans' },
    ],
    pains: ['Variations agreed but never priced', 'Site diaries written from memory', 'Drawings out of date on site', 'Subcontractor paperwork chased by email', 'Snag lists that never close', 'Cash flow forecasts built by hand', 'Permits to work on paper', 'Disputes without a timeline'],
    regulations: ['Building Safety Duty Holders', 'Construction Design Duties', 'Prompt Payment for Contractors', 'Site Waste Records'],
    events: ['Build Operations Live', 'Digital Construction Week'],
    publications: ['Contract Journal', 'Site Management Review'],
    marketplaces: ['Construction Apps Hub'],
  },
  {
    id: 'multi-site-retail',
    name: 'Multi-site retail operations',
    short: 'retail',
    industries: ['Specialty retail', 'Convenience chains', 'Home and garden retail'],
    asset: 'stores',
    record: 'price and stock records',
    personas: [
      { slug: 'retail-ops-director', name: 'Retail Operations Director', shortName: 'Retail ops director', buyerRole: 'economic', titles: ['Retail Operations Director'], focus: 'sales per labour hour' },
      { slug: 'area-manager', name: 'Area Manager', shortName: 'Area manager', buyerRole: 'user', titles: ['Area Manager', 'District Manager'], focus: 'consistent stores' },
      { slug: 'store-manager', name: 'Store Manager', shortName: 'Store manager', buyerRole: 'user', titles: ['Store Manager'], focus: 'a calm shift' },
      { slug: 'merchandising-head', name: 'Head of Merchandising', shortName: 'Merchandising head', buyerRole: 'economic', titles: ['Head of Merchandising'], focus: 'full shelves' },
      { slug: 'retail-it-manager', name: 'Retail IT Manager', shortName: 'Retail IT manager', buyerRole: 'technical', titles: ['Retail Systems Manager'], focus: 'till and stock sync' },
      { slug: 'loss-prevention', name: 'Loss Prevention Manager', shortName: 'Loss prevention', buyerRole: 'technical', titles: ['Loss Prevention Manager'], focus: 'shrink' },
    ],
    pains: ['Planograms ignored in store', 'Price labels out of sync', 'Task lists on paper', 'Stock counts that never match', 'Rotas that miss the peaks', 'Store visits without follow-up', 'Shrink found only at stock take', 'Head office messages lost'],
    regulations: ['Price Indication Rules', 'Retail Product Safety', 'Packaging Producer Duties', 'Age Restricted Sales'],
    events: ['Store Operations Forum', 'Retail Technology Show'],
    publications: ['Retail Week Operations', 'Store Manager Monthly'],
    marketplaces: ['Retail Apps Marketplace'],
  },
  {
    id: 'utility-field-assets',
    name: 'Energy & utilities field assets',
    short: 'utilities',
    industries: ['Electricity distribution', 'Water utilities', 'District heating'],
    asset: 'field assets',
    record: 'inspection and outage records',
    personas: [
      { slug: 'asset-director', name: 'Asset Management Director', shortName: 'Asset director', buyerRole: 'economic', titles: ['Asset Management Director'], focus: 'risk-based spend' },
      { slug: 'field-ops-manager', name: 'Field Operations Manager', shortName: 'Field ops manager', buyerRole: 'user', titles: ['Field Operations Manager'], focus: 'jobs done first time' },
      { slug: 'gis-lead', name: 'GIS Lead', shortName: 'GIS lead', buyerRole: 'technical', titles: ['GIS Manager'], focus: 'an accurate network map' },
      { slug: 'regulatory-manager', name: 'Regulatory Reporting Manager', shortName: 'Regulatory manager', buyerRole: 'technical', titles: ['Regulatory Reporting Manager'], focus: 'defensible returns' },
      { slug: 'control-room-lead', name: 'Control Room Lead', shortName: 'Control room lead', buyerRole: 'user', titles: ['Control Room Manager'], focus: 'fast restoration' },
      { slug: 'utility-cfo', name: 'Chief Financial Officer', shortName: 'CFO', buyerRole: 'economic', titles: ['CFO', 'Finance Director'], focus: 'allowed revenue' },
    ],
    pains: ['Inspection data on paper forms', 'Outage reports assembled by hand', 'Asset register out of date', 'Crews sent without the right parts', 'Vegetation risk found too late', 'Regulatory returns rebuilt every year', 'Contractor work hard to verify', 'Customer minutes lost not explained'],
    regulations: ['Network Resilience Reporting', 'Critical Infrastructure Security', 'Water Quality Sampling', 'Street Works Notices'],
    events: ['Utility Week Live', 'Grid Operations Forum'],
    publications: ['Utility Field Review', 'Network Asset Journal'],
    marketplaces: ['Utility Apps Store'],
  },
  {
    id: 'food-production',
    name: 'Food & beverage production',
    short: 'food',
    industries: ['Food processing', 'Beverage bottling', 'Bakery production'],
    asset: 'production runs',
    record: 'hygiene and temperature logs',
    personas: [
      { slug: 'site-director', name: 'Site Director', shortName: 'Site director', buyerRole: 'economic', titles: ['Site Director', 'General Manager'], focus: 'output without recalls' },
      { slug: 'technical-manager', name: 'Technical Manager', shortName: 'Technical manager', buyerRole: 'technical', titles: ['Technical Manager', 'Food Safety Manager'], focus: 'a clean audit' },
      { slug: 'production-manager', name: 'Production Manager', shortName: 'Production manager', buyerRole: 'user', titles: ['Production Manager'], focus: 'changeover time' },
      { slug: 'hygiene-lead', name: 'Hygiene Lead', shortName: 'Hygiene lead', buyerRole: 'user', titles: ['Hygiene Supervisor'], focus: 'cleaning verified' },
      { slug: 'it-manager', name: 'Manufacturing IT Manager', shortName: 'Manufacturing IT', buyerRole: 'technical', titles: ['IT Manager'], focus: 'systems that talk' },
      { slug: 'commercial-director', name: 'Commercial Director', shortName: 'Commercial director', buyerRole: 'economic', titles: ['Commercial Director'], focus: 'retailer scorecards' },
    ],
    pains: ['Temperature logs filled in afterwards', 'Allergen changeovers checked by memory', 'Retailer audits eat a week', 'Recall traceability takes days', 'Cleaning schedules missed', 'Label errors reach the shelf', 'Supplier certificates expire unseen', 'Yield losses nobody can explain'],
    regulations: ['Food Hygiene Controls', 'Allergen Labelling', 'Food Traceability', 'Food Contact Materials'],
    events: ['Food Production Expo', 'Food Safety Summit'],
    publications: ['Food Manufacture Review', 'Technical Managers Bulletin'],
    marketplaces: ['Food Tech Marketplace'],
  },
  {
    id: 'financial-back-office',
    name: 'Financial services back office',
    short: 'finance',
    industries: ['Asset management', 'Consumer lending', 'Insurance brokerage'],
    asset: 'client files',
    record: 'know-your-customer files',
    personas: [
      { slug: 'operations-head', name: 'Head of Operations', shortName: 'Head of operations', buyerRole: 'economic', titles: ['Head of Operations', 'COO'], focus: 'cost per case' },
      { slug: 'risk-officer', name: 'Chief Risk Officer', shortName: 'CRO', buyerRole: 'economic', titles: ['Chief Risk Officer'], focus: 'risk appetite' },
      { slug: 'mlro', name: 'Money Laundering Reporting Officer', shortName: 'MLRO', buyerRole: 'technical', titles: ['MLRO', 'Financial Crime Lead'], focus: 'defensible decisions' },
      { slug: 'case-team-lead', name: 'Case Team Lead', shortName: 'Case team lead', buyerRole: 'user', titles: ['Operations Team Lead'], focus: 'a clear queue' },
      { slug: 'enterprise-architect', name: 'Enterprise Architect', shortName: 'Enterprise architect', buyerRole: 'technical', titles: ['Enterprise Architect'], focus: 'fewer point tools' },
      { slug: 'internal-audit', name: 'Head of Internal Audit', shortName: 'Internal audit', buyerRole: 'technical', titles: ['Head of Internal Audit'], focus: 'testable controls' },
    ],
    pains: ['Client reviews overdue', 'Case notes scattered across systems', 'Screening alerts cleared without reasons', 'Audit requests answered by hand', 'Complaints handled in inboxes', 'Manual reconciliations at month end', 'Policy changes not reaching teams', 'Outsourced work hard to oversee'],
    regulations: ['Client Due Diligence', 'Operational Resilience', 'Complaint Handling Standards', 'Outsourcing Oversight'],
    events: ['Financial Operations Forum', 'Risk & Control Summit'],
    publications: ['Back Office Review', 'Risk Operations Journal'],
    marketplaces: ['Fintech Partner Hub'],
  },
];

/** Regulations shared by every vertical, so regulation-scoped questions cross vertical lines. */
export const SHARED_REGULATIONS = ['Supply Chain Due Diligence', 'Whistleblower Protection', 'Personal Data Processing', 'Electronic Invoicing Mandate'];

export const REGIONS: { name: string; adjective: string; short: string }[] = [
  { name: 'Nordics', adjective: 'Nordic', short: 'Nordic' },
  { name: 'DACH', adjective: 'German-speaking', short: 'DACH' },
  { name: 'Benelux', adjective: 'Benelux', short: 'Benelux' },
  { name: 'United Kingdom', adjective: 'British', short: 'UK' },
  { name: 'Iberia', adjective: 'Iberian', short: 'Iberia' },
  { name: 'North America', adjective: 'North American', short: 'N. America' },
];

export const JURISDICTIONS: { name: string; authority: string; currency: string }[] = [
  { name: 'Northland Union', authority: 'Northland Union Commission', currency: 'EUR' },
  { name: 'Kingdom of Westmark', authority: 'Westmark Regulatory Office', currency: 'GBP' },
  { name: 'Federal Republic of Ostria', authority: 'Ostrian Federal Agency', currency: 'EUR' },
  { name: 'Commonwealth of Baylor', authority: 'Baylor State Department', currency: 'USD' },
];

export const ADJECTIVES = ['clear', 'dated', 'shared', 'checked', 'traceable', 'complete', 'current', 'reviewed'];
export const VERBS = ['records', 'links', 'routes', 'flags', 'collects', 'matches', 'keeps', 'shows'];
export const BENEFITS = [
  'fewer surprises at month end',
  'answers in minutes instead of days',
  'one place to look when a customer asks',
  'evidence that is ready before the auditor arrives',
  'teams that start the day with a plan',
  'decisions that can be explained later',
  'less time spent copying data between systems',
  'problems found while they are still small',
];
export const TRENDS = [
  'Boards asking for evidence rather than assurances',
  'Customers sending longer due-diligence questionnaires',
  'Teams consolidating tools after a budget review',
  'Experienced staff retiring faster than they can be replaced',
  'Insurers asking how incidents are followed up',
  'Larger customers pushing requirements down the supply chain',
  'Cloud systems replacing on-premise servers',
  'Private-equity owners standardising reporting across portfolio companies',
];
export const CHALLENGES = [
  'No in-house systems team',
  'Data kept in spreadsheets and inboxes',
  'Several sites working in different ways',
  'One person covering several roles',
  'Legacy systems that are hard to connect',
  'Seasonal peaks that stretch every team',
];
export const OPPORTUNITIES = [
  'Packaged setups that go live without consultants',
  'Answering customer questionnaires from the same records',
  'Replacing several point tools with one workflow',
  'Sharing one view of the work with customers',
];
export const PROOF_POINTS = [
  'Setup is quoted as a fixed fee with a dated plan',
  'Every change is logged with who, when and why',
  'Records export in open formats at any time',
  'A named onboarding lead stays until the first quarter-end',
  'Works beside the systems you already run',
  'Reports rebuild from the underlying records, not from summaries',
];
export const OBJECTIONS: { objection: string; answer: string }[] = [
  { objection: 'We tried software like this before and went back to spreadsheets.', answer: 'That usually happens when help stops at go-live. Our onboarding lead stays with you through your first quarter-end and reviews adoption with you each month.' },
  { objection: 'Our data is too messy to start.', answer: 'We start with the records you use every week and clean the rest as the work touches them, so nothing waits for a data project.' },
  { objection: 'We cannot take people off the floor for training.', answer: 'Training happens in short sessions during quiet hours, and the screens follow the steps people already take.' },
  { objection: 'Our IT team has no capacity this year.', answer: 'The standard connectors need a few hours of IT time; our team does the rest and documents every change.' },
  { objection: 'Another tool means another login.', answer: 'Single sign-on works with the identity provider you already run, and most people only ever open one screen.' },
  { objection: 'We are not sure the savings are real.', answer: 'We measure the baseline with you before go-live and report the difference from the same records each month.' },
];
