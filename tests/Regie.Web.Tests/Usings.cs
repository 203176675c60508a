global using Regie.Testing;
