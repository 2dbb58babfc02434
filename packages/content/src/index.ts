export * from './indicators';
export * from './plan-template';
