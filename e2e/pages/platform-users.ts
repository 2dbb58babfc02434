import { expect, type Locator, type Page } from '@playwright/test';

export interface NewUserInput {
  name: string;
  email: string;
  role: string;
  organisation: string;
  password: string;
}

/** The users pages (nb texts): list, "Ny bruker" and a user's details. */
export class UsersPages {
  readonly name: Locator;
  readonly email: Locator;
  readonly role: Locator;
  readonly organisation: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Navn', { exact: true });
    this.email = page.getByLabel('E-post', { exact: true });
    this.role = page.getByLabel('Rolle', { exact: true });
    this.organisation = page.getByLabel('Organisasjon', { exact: true });
    this.password = page.getByLabel('Passord', { exact: true });
    this.submit = page.getByRole('button', { name: 'Opprett bruker' });
  }

  async openList() {
    await this.page.goto('/app/users');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Brukere' })).toBeVisible();
    await expect(this.page.getByRole('table', { name: /^Brukere \(\d+\)$/ })).toBeVisible();
  }

  /** From the users list, through the "Ny bruker" link. */
  async openCreateForm() {
    await this.page.getByRole('link', { name: 'Ny bruker' }).click();
    await expect(this.page).toHaveURL(/\/app\/users\/new$/);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Ny bruker' })).toBeVisible();
  }

  async fill(input: NewUserInput) {
    await this.name.fill(input.name);
    await this.email.fill(input.email);
    await this.role.selectOption({ label: input.role });
    // The organisations load separately from the form; wait for the one to choose.
    await expect(this.organisation.getByRole('option', { name: input.organisation, exact: true })).toBeAttached();
    await this.organisation.selectOption({ label: input.organisation });
    await this.password.fill(input.password);
  }

  /** Submits a valid form and lands on the new user's page; returns the user's id. */
  async create(input: NewUserInput): Promise<string> {
    await this.fill(input);
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/app\/users\/[0-9a-f-]{36}$/);
    await expect(this.page.getByRole('heading', { level: 1, name: input.name })).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: `Brukeren ${input.name} er opprettet.` })).toBeVisible();
    const id = new URL(this.page.url()).pathname.split('/').pop();
    if (!id) throw new Error('no user id in the address');
    return id;
  }
}
