import type { ErrorObject } from 'ajv';

/** A validator compiled ahead of time from a JSON Schema (see scripts/buildValidators.mjs). */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Checks a value against schemas/lexicon.schema.json. */
export const validateLexicon: CompiledValidator;
/** Checks a value against schemas/sidecar.schema.json. */
export const validateSidecar: CompiledValidator;
/** Checks a value against schemas/codebook.schema.json. */
export const validateCodebook: CompiledValidator;
