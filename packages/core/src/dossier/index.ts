export * from './model';
export * from './working-days';
export * from './code';
export * from './cccd';
export * from './status';
export * from './derived';
export * from './mask';
export * from './holiday-calendar';
