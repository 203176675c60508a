namespace Regie.Web.Data;

/// <summary>Marks rows that hold residents' data: they always belong to one municipality.</summary>
public interface IMunicipalityOwned
{
    string Gemeentecode { get; }
}
