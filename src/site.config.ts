import { validateSiteConfig, type SiteConfigInput } from './lib/schema/site-config.ts';

/**
 * The owner's details. PLACEHOLDERS: replace the name, intro, description and links with your own.
 * This object is validated when the site builds; a mistake fails the build with the field named.
 */
const siteConfig: SiteConfigInput = {
  name: 'Your Name',
  intro:
    'Placeholder intro: replace this with a sentence or two about yourself in src/site.config.ts. ' +
    'Software engineer who builds streaming data infrastructure at scale.',
  description: 'Placeholder description: the portfolio of a software engineer. Replace it in src/site.config.ts.',
  jobTitle: 'Software Engineer',
  links: [
    { label: 'GitHub', href: 'https://github.com/your-username' },
    { label: 'LinkedIn', href: 'https://www.linkedin.com/in/your-username' },
    { label: 'Email', href: 'mailto:you@example.com' },
  ],
  lang: 'en',
  // Your own domain, if GitHub Pages serves the site on one (see "Deploy to GitHub Pages" in README.md):
  // domain: 'jane.dev',
};

export default validateSiteConfig(siteConfig);
