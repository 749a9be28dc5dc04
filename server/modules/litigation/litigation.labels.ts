// The vocabularies live in contracts/ because the console shows the same labels.
export * from '../../../contracts/litigation.ts';
