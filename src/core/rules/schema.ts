/**
 * JSON Schema of a rule file. rules/schema.json is this object written out (a test keeps the two
 * identical), so editors complete and check rule files, and the loader checks the same shape.
 * Locale completeness, names and operators are checked by the linter, which gives clearer
 * messages than a schema can.
 */

const localised = {
  type: 'object',
  description: 'Text in every language: zh-CN (default) and en.',
  properties: {
    'zh-CN': { type: 'string' },
    en: { type: 'string' },
  },
  additionalProperties: false,
};

export const RULE_FILE_FORMAT = 'zwgk-rules/1';

export const RULE_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'zwgk rule file',
  description:
    'Validation rules for the standard indicator workbook. Each rule is a json-rules-engine rule; metadata rides in event.params.',
  type: 'object',
  required: ['format'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    format: { const: RULE_FILE_FORMAT, description: 'Rule-file format id.' },
    description: { type: 'string' },
    sets: {
      type: 'object',
      description: 'Local sets for forEach, in addition to the built-in t3Columns, t3Rows and t4Groups.',
      additionalProperties: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['key', 'label'],
          additionalProperties: false,
          properties: { key: { type: 'string', pattern: '^[A-Z0-9_]+$' }, label: { $ref: '#/definitions/localised' } },
        },
      },
    },
    rules: { type: 'array', items: { $ref: '#/definitions/rule' } },
    overrides: {
      type: 'array',
      description: 'Change a check of any loaded file by id: lower its severity or switch it off.',
      items: {
        type: 'object',
        required: ['rule'],
        additionalProperties: false,
        properties: {
          rule: { type: 'string', description: 'Check id, e.g. T2-STOCK.' },
          severity: { enum: ['error', 'warning', 'info'] },
          enabled: { type: 'boolean' },
        },
      },
    },
  },
  definitions: {
    localised,
    rule: {
      type: 'object',
      required: ['name', 'conditions', 'event'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1, description: 'Unique rule name; use ${var} when expanded with forEach.' },
        priority: { type: 'integer', minimum: 1 },
        forEach: {
          type: 'object',
          description: 'Expand this rule once per item of a set: {"col": "t3Columns", "except": ["SUM"]}.',
          minProperties: 1,
          properties: { except: { type: 'array', items: { type: 'string' } } },
          additionalProperties: { type: 'string' },
        },
        conditions: { $ref: '#/definitions/topCondition' },
        event: {
          type: 'object',
          required: ['type', 'params'],
          additionalProperties: false,
          properties: { type: { type: 'string' }, params: { $ref: '#/definitions/meta' } },
        },
      },
    },
    topCondition: {
      type: 'object',
      oneOf: [{ required: ['all'] }, { required: ['any'] }, { required: ['not'] }],
      properties: {
        all: { type: 'array', items: { $ref: '#/definitions/condition' } },
        any: { type: 'array', items: { $ref: '#/definitions/condition' } },
        not: { $ref: '#/definitions/condition' },
        name: { type: 'string' },
        priority: { type: 'integer', minimum: 1 },
      },
      additionalProperties: false,
    },
    condition: {
      anyOf: [
        { $ref: '#/definitions/topCondition' },
        {
          type: 'object',
          required: ['fact', 'operator', 'value'],
          additionalProperties: false,
          properties: {
            fact: { type: 'string' },
            operator: { type: 'string' },
            value: {},
            path: { type: 'string' },
            params: { type: 'object' },
            name: { type: 'string' },
            priority: { type: 'integer', minimum: 1 },
          },
        },
      ],
    },
    meta: {
      type: 'object',
      required: ['ruleId', 'severity', 'description', 'message', 'cells'],
      additionalProperties: false,
      properties: {
        ruleId: { type: 'string', pattern: '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$', description: 'Check id as in checks.md.' },
        severity: { enum: ['error', 'warning', 'info'] },
        description: { $ref: '#/definitions/localised' },
        message: {
          $ref: '#/definitions/localised',
          description: 'Finding text; {lhs} {rhs} {diff} {absDiff} … from the facts, {$NAME} for a cell value.',
        },
        messageVariants: {
          type: 'object',
          description: 'Per-cell rules: message by cell class (placeholder, dash, text …); "default" as fallback.',
          additionalProperties: { $ref: '#/definitions/localised' },
        },
        cells: { type: 'array', items: { type: 'string' } },
        appliesTo: { type: 'array', items: { type: 'string' }, minItems: 1 },
        needs: { enum: ['previous'] },
        findingsFromScan: {
          type: 'boolean',
          description: "The findings come from the cells the rule's scan condition reports: one per cell (marking it), or grouped with groupHits; instead of one finding for the rule.",
        },
        onlyFindingWhen: {
          type: 'object',
          description: "When the finding's value `value` is at least `atLeast`, this finding replaces every other finding of the workbook.",
          required: ['value', 'atLeast'],
          additionalProperties: false,
          properties: { value: { type: 'string' }, atLeast: { type: 'number' } },
        },
        quickFix: {
          enum: ['text-to-number'],
          description: 'The one-click fix a host may offer: text-to-number writes the number a text cell means. Sums are never fixed: only the unit knows which figure is wrong.',
        },
        perHit: {
          type: 'object',
          description: 'Deprecated: use findingsFromScan. Accepted for local rule files.',
          required: ['fact'],
          additionalProperties: false,
          properties: { fact: { type: 'string' }, params: { type: 'object' } },
        },
        groupHits: {
          enum: ['group', 'all'],
          description: 'With perHit: one finding per table (group) or one for all hits (all), marking every hit.',
        },
        soleIf: {
          type: 'object',
          description: 'Deprecated: use onlyFindingWhen. Accepted for local rule files.',
          required: ['value', 'atLeast'],
          additionalProperties: false,
          properties: { value: { type: 'string' }, atLeast: { type: 'number' } },
        },
        ref: { type: 'string', description: 'Source of the check (format clause, regulation).' },
      },
    },
  },
} as const;
