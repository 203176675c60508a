global using Microsoft.Playwright;
global using Regie.Testing;
