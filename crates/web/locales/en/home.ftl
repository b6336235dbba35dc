## Home
home-title = Launch your local impact project
home-hero-title = Launch your local impact project
home-hero-lead = Got an idea for your neighbourhood, your village or your town? The Studio d'Impact Local helps you turn it into a solid, useful and lasting project, step by step and with people at your side.
home-cta-start = Start for free
home-steps-title = How it works
home-step-1-title = Take stock
home-step-1-text = A ten-minute self-assessment shows where your project stands and where to start.
home-step-2-title = Build your model
home-step-2-text = The impact canvas helps you set out your problem, your audiences, your solution and your business model.
home-step-3-title = Get support
home-step-3-text = A cohort, a coach and workshops to move forward alongside other project holders.
home-step-4-title = Go for it
home-step-4-text = Roadmap, financial forecast and impact indicators: you set off with a clear plan.
home-cta-band = Join the project holders who are changing their local area.

## Privacy
privacy-title = Privacy and personal data
privacy-intro = The Studio d'Impact Local processes your data to support you with your project. This page explains which data, why, and what your rights are.
privacy-what-title = Data we collect
privacy-what = Your name, your email address, your roles in centres, the projects you follow, and a log of sensitive actions (sign-ins, role changes, exports, deletions). Your password is never stored in plain text.
privacy-why-title = Purposes and retention
privacy-why = We use this data to manage your account and your support. It is kept for as long as your account is active; the audit log is kept without identifying data after your account is deleted.
privacy-rights-title = Your rights
privacy-rights = From “My account”, you can download all your data as JSON and delete your account at any time. For any other request, write to the studio team.
privacy-cookies-title = Cookies
privacy-cookies = We only use necessary cookies: your sign-in session, form protection and your chosen language. No advertising trackers and no third-party analytics.
home-welcome-back = Welcome back, { $name }!
home-next-project = Back to “{ $project }”
home-next-start = Start my project
home-next-dashboard = My dashboard
