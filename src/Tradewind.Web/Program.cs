using Tradewind.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTradewind();

var app = builder.Build();
app.UseTradewind();
await app.InitializeTradewindAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The web host's entry point; public so integration tests can start it.</summary>
public partial class Program;
