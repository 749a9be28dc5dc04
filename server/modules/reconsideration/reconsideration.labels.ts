// The vocabularies live in contracts/ because the console and the portal show the same labels.
export * from '../../../contracts/reconsideration.ts';
