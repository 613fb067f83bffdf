// Redocly plugin: schema shapes that every code generator reads the same way, not only
// openapi-typescript. Each rule names a construct that a generator of packages/generators misread.

/** Keywords that describe a schema without constraining it; the only ones allowed beside `$ref`. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'deprecated', 'readOnly', 'writeOnly']);

/**
 * `const` without `enum: [same]`: openapi-zod-client ignores `const`, so its `_type` union threw at
 * import. A boolean constant is `enum` alone (orval doubles the two).
 */
function ConstWithEnum() {
  return {
    Schema(schema, ctx) {
      if (!('const' in schema)) return;
      if (typeof schema.const === 'boolean') {
        ctx.report({
          message: `Write a boolean constant as \`enum: [${schema.const}]\` alone: orval turns \`const\` beside \`enum\` into \`literal(${schema.const}).literal(${schema.const})\`, which does not compile.`,
          location: ctx.location.child(['const']),
        });
        return;
      }
      const ok = Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === schema.const;
      if (!ok) {
        ctx.report({
          message: `Write \`enum: [${JSON.stringify(schema.const)}]\` beside \`const\`: some generators read only \`enum\`.`,
          location: ctx.location.child(['const']),
        });
      }
    },
  };
}

/** `type: [boolean, string]`: Kubb overflows its stack, swagger-typescript-api keeps only one type. */
function OneType() {
  return {
    Schema(schema, ctx) {
      if (!Array.isArray(schema.type)) return;
      if (schema.type.filter((type) => type !== 'null').length > 1) {
        ctx.report({
          message: 'Give a schema one `type` (plus `null` at most); write several types as `anyOf` of one-type branches.',
          location: ctx.location.child(['type']),
        });
      }
    },
  };
}

/**
 * A `$ref` with constraining siblings, or to a schema that is itself only a `$ref` (an alias):
 * openapi-zod-client drops the constraints of both, so a `tenantId` alias of Guid lost its pattern.
 */
function PlainRefs() {
  return {
    ref(node, ctx) {
      if (ctx.type.name !== 'Schema') return;
      const constraining = Object.keys(node).filter((key) => key !== '$ref' && !key.startsWith('x-') && !ANNOTATIONS.has(key));
      if (constraining.length > 0) {
        ctx.report({
          message: `Beside \`$ref\` only annotations are allowed (found ${constraining.join(', ')}): put the constraint in the referenced schema.`,
          location: ctx.location,
        });
      }
      // A component that is only a `$ref` (its own file, or a components/schemas entry) is an alias.
      if (ctx.location.pointer === '#/' || /^#\/components\/schemas\/[^/]+$/.test(ctx.location.pointer)) {
        ctx.report({
          message: `This schema is only an alias of ${node.$ref}: refer to that schema directly, with a \`description\` beside the \`$ref\`.`,
          location: ctx.location,
        });
      }
    },
  };
}

/**
 * A map of any key (`additionalProperties` true or a schema): openapi-zod-client writes a map of
 * integers as a one-argument `z.record`, which Zod 4 refuses under tsc --strict. `false` closes an
 * object and is fine; leaving the keyword out keeps a response open without a map.
 */
function NoMaps() {
  return {
    Schema(schema, ctx) {
      if (!('additionalProperties' in schema) || schema.additionalProperties === false) return;
      ctx.report({
        message:
          'Name the keys one by one as optional `properties` (as `roles` of CustomerMetrics does), not a map of any key: ' +
          'generators read `additionalProperties` that is `true` or a schema differently (openapi-zod-client wrote a map of integers ' +
          'as a one-argument `z.record`, which Zod 4 refuses under tsc --strict). `additionalProperties: false`, a closed object, is fine.',
        location: ctx.location.child(['additionalProperties']).key(),
      });
    },
  };
}

export default function portableSchemaRules() {
  return {
    id: 'portable',
    rules: {
      oas3: { 'const-with-enum': ConstWithEnum, 'one-type': OneType, 'plain-refs': PlainRefs, 'no-maps': NoMaps },
    },
  };
}
