// What the sandbox meeting page inside a component's iframe reports: the role and
// name its token holds, every query option it was given, and the media it was granted.

/** The sandbox page inside the meeting iframe. */
const meeting = (page) => page.frameLocator("iframe.immail-meet__frame");

export async function sandboxReport(page) {
  const frame = meeting(page);
  await frame.locator("[data-testid=media][data-state]").waitFor({ timeout: 20000 });
  const options = {};
  for (const row of await frame.locator("[data-testid=options] tr").all()) {
    const key = await row.getAttribute("data-key");
    options[key] = options[key] ?? [];
    options[key].push(await row.locator("td").nth(1).getAttribute("data-value"));
  }
  return {
    role: await frame.locator("[data-testid=role]").innerText(),
    tokenName: await frame.locator("[data-testid=token-name]").innerText(),
    media: await frame.locator("[data-testid=media]").innerText(),
    options,
  };
}
