import { describe, expect, it } from 'vitest';
import { readConfig, siteConfigFrom, type JekyllConfig } from '../../scripts/import/config.ts';

const yaml = (text: string): JekyllConfig => {
  const read = readConfig(text);
  if (!read.ok) throw new Error(read.message);
  return read.config;
};

// The _config.yml of a jekyll-now fork (barryclark/jekyll-now): the site's name under `name:`, the
// footer's icons under `footer-links:`, most of them left empty.
const config = `name: Jane Doe
description: drilling into data
avatar: /images/me.jpg
footer-links:
  dribbble:
  email: jane@example.org
  facebook: jane.doe
  github: janedoe/janedoe.github.io
  rss: yes
  twitter:
  youtube: channel/UC123
permalink: /:title/
`;

describe('a jekyll-now _config.yml', () => {
  const { values, report } = siteConfigFrom({ config: yaml(config) });

  it('takes the name from `name:`', () => {
    expect(values.name).toBe('Jane Doe');
    expect(report.map((line) => line.message).join('\n')).not.toContain('Your Name');
  });

  it('turns the footer links into profile links, with the addresses jekyll-now linked to', () => {
    expect(values.links).toEqual([
      { label: 'GitHub', href: 'https://github.com/janedoe/janedoe.github.io' },
      { label: 'Facebook', href: 'https://www.facebook.com/jane.doe' },
      { label: 'YouTube', href: 'https://www.youtube.com/channel/UC123' },
      { label: 'Email', href: 'mailto:jane@example.org' },
    ]);
  });

  it('keeps `title:` first when a site has both', () => {
    expect(siteConfigFrom({ config: yaml(`title: The Blog\n${config}`) }).values.name).toBe('The Blog');
  });
});
