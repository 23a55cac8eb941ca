export * from './common.ts';
export * from './segment.ts';
export * from './persona.ts';
export * from './vertical.ts';
export * from './regulation.ts';
export * from './faq.ts';
export * from './page-override.ts';
export * from './site.ts';
