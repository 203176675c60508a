namespace Regie.Web.Features.Api;

/// <summary>
/// An answer in the shape of an outside standard that leaves an empty field out instead of writing null (the DDAS exchange model:
/// its schema refuses a null date or BSN). Regie's own answers write every property; the API document marks none of this one's
/// properties required, so a client generated from it accepts what the standard allows.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class LeavesOutEmptyFieldsAttribute : Attribute;
