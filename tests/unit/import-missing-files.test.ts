import { describe, expect, it } from 'vitest';
import { planImport } from '../../scripts/import/plan.ts';
import { memorySource } from '../../scripts/import/source.ts';

describe("a page's front matter naming a file the site does not have", () => {
  // The shape of a minima home that lists pages by their thumbnails: one image is not in the repository.
  const result = planImport(
    memorySource({
      '_config.yml': 'title: Lee\n',
      'assets/images/code.svg': '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
      'about.md':
        '---\ntitle: About\nhome: true\nthumbnail_img: /assets/images/bio_portrait.jpeg\ngallery:\n  - image: /assets/images/code.svg\n  - image: /assets/images/gone.png\n---\nHello.\n',
      'projects.md':
        '---\ntitle: Projects\nhome: true\nthumbnail_img: /assets/images/code.svg\npermalink: /projects.json.html\nredirect_from: [/old.pdf]\n---\nWork.\n',
      'index.md':
        '---\nlayout: default\n---\n<div class="tilelist">\n{% for p in site.pages %}{% if p.home %}<a href="{{ p.url }}"><img src="{{ p.thumbnail_img }}"/></a>{% endif %}{% endfor %}\n</div>\n',
    }),
  );
  if (!result.ok) throw new Error(result.message);

  it('is named at its source, with the field and what to do', () => {
    expect(result.plan.report.filter((line) => line.kind === 'leftover' && line.message.includes('not a file of the Jekyll site'))).toEqual([
      {
        kind: 'leftover',
        file: 'about.md',
        message:
          'its `thumbnail_img` names /assets/images/bio_portrait.jpeg, which is not a file of the Jekyll site (Jekyll showed it broken), and the build stops on a page that shows or links it. Add the file to the Jekyll site, or change `thumbnail_img`, and run the import again.',
      },
      {
        kind: 'leftover',
        file: 'about.md',
        message:
          'its `gallery.1.image` names /assets/images/gone.png, which is not a file of the Jekyll site (Jekyll showed it broken), and the build stops on a page that shows or links it. Add the file to the Jekyll site, or change `gallery.1.image`, and run the import again.',
      },
    ]);
  });
});
