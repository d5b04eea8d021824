export * from './hub-state';
export * from './hub-connection';
export * from './i18n';
export * from './format';
export * from './officer-session';
export * from './dmy-date';
export * from './scanner';
