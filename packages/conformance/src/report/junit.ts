import type { ConformanceReport } from '../core/report.js';

/** JUnit XML for CI: one test case per property; a failure carries the message, the sequence and the curl. */
export function junitXml(report: ConformanceReport): string {
  const failed = report.properties.filter((property) => property.status === 'failed').length;
  const skipped = report.properties.filter((property) => property.status === 'not-checked').length;
  const seconds = (report.durationMs / 1000).toFixed(3);
  const cases = report.properties.map((property) => {
    const open = `    <testcase classname="${escape(report.resource)}" name="${escape(property.name)}" time="0">`;
    if (property.status === 'not-checked') return `${open}<skipped message="not checked"/></testcase>`;
    const failure = report.failures.find((entry) => entry.property === property.name);
    if (!failure) return `${open}</testcase>`;
    const detail = [
      failure.commands.length > 0 ? `Smallest failing sequence: ${failure.commands.join(' -> ')}` : '',
      ...failure.curl,
      failure.path === undefined ? '' : `Replay: --seed ${failure.seed} --path '${failure.path}'`,
    ].filter(Boolean);
    return `${open}\n      <failure message="${escape(failure.message)}" type="${escape(property.name)}">${escape(detail.join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pbx-conformance" tests="${report.properties.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    `  <testsuite name="${escape(report.resource)}" tests="${report.properties.length}" failures="${failed}" skipped="${skipped}" time="${seconds}">`,
    `    <properties><property name="target" value="${escape(report.target)}"/><property name="seed" value="${report.seed}"/></properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
