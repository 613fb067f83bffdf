// Redocly plugin: the `_type` discriminator invariants that configurable rules cannot express,
// because they compare a discriminator's mapping with its oneOf and with each variant.
// Prism, openapi-typescript and Redoc each break on other shapes (see spec/README.md).

/** Where a `$ref` (or an inline schema) lands, as a comparable string. */
function target(ref, ctx) {
  const resolved = ctx.resolve(ref);
  return {
    node: resolved.node,
    id: resolved.location ? `${resolved.location.source.absoluteRef}${resolved.location.pointer}` : undefined,
  };
}

function DiscriminatorShape() {
  return {
    Schema: {
      leave(schema, ctx) {
        const { discriminator } = schema;
        if (!discriminator) return;
        const here = ctx.location.child(['discriminator']);
        const report = (message, location = here) => ctx.report({ message, location });

        for (const keyword of ['allOf', 'anyOf']) {
          if (schema[keyword]) report(`A discriminator sits on a top-level \`oneOf\`, never beside \`${keyword}\`.`);
        }
        if (!Array.isArray(schema.oneOf)) {
          report('A discriminator needs a `oneOf` of its variants.');
          return;
        }
        const mapping = discriminator.mapping ?? {};
        const variants = schema.oneOf.map((ref) => target(ref, ctx));
        const mapped = Object.entries(mapping).map(([value, ref]) => ({ value, ...target({ $ref: ref }, ctx) }));

        const seen = new Map();
        for (const { value, id } of mapped) {
          if (seen.has(id)) report(`Mapping is not one-to-one: "${value}" and "${seen.get(id)}" name the same variant.`);
          seen.set(id, value);
          if (!variants.some((variant) => variant.id === id)) {
            report(`Mapping "${value}" names a schema that is not in oneOf.`, here.child(['mapping', value]));
          }
        }
        schema.oneOf.forEach((ref, index) => {
          const variant = variants[index];
          const entry = mapped.find((candidate) => candidate.id === variant.id);
          const at = ctx.location.child(['oneOf', index]);
          if (!entry) {
            report(`oneOf variant ${ref.$ref ?? index} is missing from the discriminator mapping.`, at);
            return;
          }
          const property = variant.node?.properties?.[discriminator.propertyName];
          const declared = property?.$ref ? ctx.resolve(property).node : property;
          if (!variant.node?.required?.includes(discriminator.propertyName)) {
            report(`Variant "${entry.value}" must list \`${discriminator.propertyName}\` in \`required\`.`, at);
          }
          if (declared?.const !== entry.value) {
            report(
              `Variant "${entry.value}" must declare \`${discriminator.propertyName}\` with \`const: ${entry.value}\` (found ${JSON.stringify(declared?.const)}).`,
              at,
            );
          }
        });
      },
    },
  };
}

export default function discriminatorRules() {
  return {
    id: 'pbx',
    rules: {
      oas3: { 'discriminator-shape': DiscriminatorShape },
    },
  };
}
