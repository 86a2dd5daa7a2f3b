export * from './people';
export * from './registration';
export * from './organisers';
export * from './outbox';
export * from './helpline';
export * from './events';
