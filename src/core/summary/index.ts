export * from './aggregate';
export * from './unit-row';
export * from './keys';
export * from './cross-unit';
export * from './cross-year';
export * from './roster';
export * from './summary-info';
